"""The static site: the same panels and rules as the app, rendered once to files."""
