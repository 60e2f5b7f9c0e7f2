"""The agency tree (机关) and its staff with their roles."""
