"""One function per user action. Each takes a unit of work and a clock; none reads the time."""
