package org.vetted.house.good.domain;

import org.vetted.contract.Value;

public record Rule(String text, Value hash) {}
