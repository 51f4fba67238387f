"""Export approved examples: jsonl, csv, parquet or dspy, optionally split, with a manifest."""

from approval.export.dspy_format import load_dspy_examples
from approval.export.formats import FORMATS, ExportFormat
from approval.export.service import ExportedFile, ExportResult, export_dataset

__all__ = ["FORMATS", "ExportFormat", "ExportResult", "ExportedFile", "export_dataset", "load_dspy_examples"]
