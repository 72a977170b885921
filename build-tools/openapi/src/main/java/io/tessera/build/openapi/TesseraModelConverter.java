package io.tessera.build.openapi;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Tessera's wire types as the OpenAPI fragments describe them. {@code Money} is a JSON number with
 * at most two decimal places (never a string, never an object), within the range a DECIMAL(19,2)
 * column holds — exactly what {@code Json} in the platform reads and writes.
 */
public final class TesseraModelConverter implements ModelConverter {

    private static final String MONEY = "io.tessera.platform.api.Money";
    private static final BigDecimal MAX = new BigDecimal("99999999999999999.99");

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = Json.mapper().constructType(type.getType());
        if (javaType != null && MONEY.equals(javaType.getRawClass().getName())) {
            Schema<BigDecimal> money = new NumberSchema().multipleOf(new BigDecimal("0.01")).minimum(MAX.negate()).maximum(MAX);
            money.setDescription("An amount of yuan (CNY): a JSON number in plain decimal notation (no exponent) with at most 2 decimal places, e.g. 12.5 or 12.50");
            money.setExample(new BigDecimal("12.50"));
            if (type.getCtxAnnotations() != null) {
                for (Annotation a : type.getCtxAnnotations()) {
                    if (a instanceof io.swagger.v3.oas.annotations.media.Schema) {
                        io.swagger.v3.oas.annotations.media.Schema s = (io.swagger.v3.oas.annotations.media.Schema) a;
                        if (!s.description().isEmpty()) {
                            money.setDescription(s.description());
                        }
                        if (s.accessMode() == io.swagger.v3.oas.annotations.media.Schema.AccessMode.READ_ONLY) {
                            money.setReadOnly(true);
                        }
                    }
                }
            }
            return money;
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
