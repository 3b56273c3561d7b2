"""Folium layers and browser behaviour: the only subpackage that imports folium."""
