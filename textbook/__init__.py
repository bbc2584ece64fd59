"""The book's build engine: one MkDocs plugin (`book`, see plugin.py) and what it is made of.

Importing the package imports nothing else: the snippet runner (runner.py) and the
Matplotlib backend (capture_backend.py) live here too and must start light.
"""
