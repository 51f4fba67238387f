"""Synth Studio engine: grounded synthetic training data for multi-modal routing optimizers."""

__version__ = "0.1.0"
