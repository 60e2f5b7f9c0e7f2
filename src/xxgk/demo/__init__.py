"""Demo data that xxgk ships: written by the project."""
