"""``python -m borderatlas``: the same commands as the ``borderatlas`` console script."""

import sys

from borderatlas.cli import main

sys.exit(main())
