"""Pure domain: entities and rules. No SQL, no HTTP, no clock: callers pass `today`."""
