package org.vetted.house.bad.stray;

/** Breaks everyClassInANamedLayer. */
public class Helper {}
