"""careerplan: define a career goal and reach it."""

__version__ = "0.1.0"
