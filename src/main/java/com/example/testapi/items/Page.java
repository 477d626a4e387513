package com.example.testapi.items;

import java.util.List;
import java.util.Optional;

/** One page of a newest-first listing; {@code lastId} is set when more items may follow. */
public record Page(List<Item> items, Optional<String> lastId) {
}
