package io.tessera.platform.internal.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tessera.platform.api.Money;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Tessera's JSON settings, used by the REST faces, the idempotency store and the audit trail:
 * unknown fields, duplicate fields and trailing content are errors, every value must have its
 * field's JSON type (no 1.5 for an integer, no "1" for a number, no 1 for a string or an enum),
 * dates are ISO-8601 text, decimals are never floating point and {@link Money} is a JSON number
 * with at most two places.
 */
public final class Json {

    /** A number in plain decimal notation: digits, an optional fraction, no exponent. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,17}(\\.\\d{1,17})?");
    public static final ObjectMapper MAPPER = create();
    /** For Tessera's own stored JSON: earlier releases wrote nulls, and fields may have gone since. */
    private static final ObjectMapper STORED = MAPPER.copy()
            .setDefaultSetterInfo(JsonSetter.Value.empty())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    private static ObjectMapper create() {
        SimpleModule money = new SimpleModule("tessera-money");
        money.addSerializer(Money.class, new JsonSerializer<Money>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeNumber(value.toBigDecimal());
            }
        });
        money.addDeserializer(Money.class, new JsonDeserializer<Money>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                // A JSON number only: "12.50" (a string) is not an amount, as the OpenAPI document says.
                JsonToken t = p.currentToken();
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT || !PLAIN_DECIMAL.matcher(p.getText()).matches()) {
                    throw InvalidFormatException.from(p, "an amount is a JSON number in decimal notation with at most 2 decimal places",
                            p.getText(), Money.class);
                }
                try {
                    return Money.of(p.getDecimalValue());
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw InvalidFormatException.from(p, "an amount with at most 2 decimal places", p.getText(), Money.class);
                }
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                // A JSON number for an integer field must be a whole number (1.5 is refused, never cut to 1),
                // numbers are never read from strings nor strings from numbers, enums only by name.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // Dates only as ISO-8601 text (never an epoch number), checked strictly.
                .defaultLeniency(false)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            || type == LogicalType.DateTime ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper
                .registerModule(new JavaTimeModule())
                .registerModule(money)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // Keep the +08:00 a timestamp was written with (replayed answers must equal the first ones).
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // No null is sent (an absent field is unknown or empty) and none is taken: a field given as
                // null is refused rather than read as "leave it as it is" (PATCH) or "not given".
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    /** Reads what Tessera stored itself (idempotent answers): written by earlier releases too. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return STORED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getName(), e);
        }
    }
}
