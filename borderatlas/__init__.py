"""Border Atlas: the former Sino-Soviet border and its negotiation, as sourced data and an app."""

__version__ = "0.2.0"  # the one version source: pyproject reads it, CITATION.cff is tested against it
