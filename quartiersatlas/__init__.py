"""Quartiersatlas core: data model, validation, spatial join and computations.

This package never imports streamlit: the pages in ``pages/`` are the only UI.
"""

__version__ = "0.1.0"
