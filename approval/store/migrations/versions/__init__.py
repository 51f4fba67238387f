"""One revision per schema change, oldest first; never edit one that has shipped."""
