package com.example.testapi.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Writes characters outside the Basic Multilingual Plane (emoji) as the UTF-8 bytes they were sent in, not as
 * {@code \}{@code uD83D\}{@code uDE80} escape pairs, Jackson's default: the stored text comes back byte for byte.
 */
@Singleton
public class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().configure(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8.mappedFeature(), true);
    }
}
