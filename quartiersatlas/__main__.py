"""``python -m quartiersatlas``."""

import sys

from quartiersatlas.cli import main

sys.exit(main())
