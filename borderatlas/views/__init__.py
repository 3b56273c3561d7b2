"""What pages show, as plain data and escaped HTML: no Streamlit, no folium."""
