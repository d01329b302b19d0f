"""The matrix's modules (world, matrix) import each other by name, as the cross-service helpers do."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
