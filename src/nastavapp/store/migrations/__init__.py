"""Numbered schema steps: ``NNNN_name.sql``; step N brings a file from version N-1 to N."""
