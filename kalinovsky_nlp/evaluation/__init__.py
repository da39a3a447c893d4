"""Evaluation of the library's detectors and findings against gold annotations."""
