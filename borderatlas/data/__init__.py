"""Load and validate geodata/: the file registry, schemas, checks, manifest and datapackage."""
