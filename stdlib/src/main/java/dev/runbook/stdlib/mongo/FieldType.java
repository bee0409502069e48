package dev.runbook.stdlib.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonValue;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * A BSON type a field of a JSON backup is declared to hold, and how a JSON value becomes it: what mongoose's
 * casting does when the seed's restore script inserts {@code JSON.stringify} output through the models. A value
 * that already has the type (Extended JSON such as {@code {"$date": ...}}, parsed as such) is kept; null stays null.
 */
enum FieldType {
    DATE(
            "date",
            "an ISO-8601 date-time with its offset (2026-01-01T00:00:00.000Z), a date, or milliseconds since 1970"),
    OBJECT_ID("objectId", "24 hex digits"),
    LONG("long", "a whole number that fits in 64 bits"),
    DECIMAL("decimal", "a decimal number");

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

    private final String label;
    private final String expected;

    FieldType(String label, String expected) {
        this.label = label;
        this.expected = expected;
    }

    String label() {
        return label;
    }

    /** The label with its article, for messages: "a date", "an objectId". */
    String a() {
        return ("aeiou".indexOf(Character.toLowerCase(label.charAt(0))) >= 0 ? "an " : "a ") + label;
    }

    /** What a value must look like, for messages. */
    String expected() {
        return expected;
    }

    /** The type named {@code label} (as written in a runbook, any case: mongoose's {@code Date} too), or null. */
    static FieldType of(String label) {
        for (FieldType t : values()) {
            if (t.label.equalsIgnoreCase(label)) {
                return t;
            }
        }
        return null;
    }

    static String labels() {
        StringBuilder out = new StringBuilder();
        for (FieldType t : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(t.label);
        }
        return out.toString();
    }

    /** {@code value} as this type, or null when it does not parse as one. */
    BsonValue cast(BsonValue value) {
        if (value.isNull()) {
            return value;
        }
        try {
            return switch (this) {
                case DATE -> date(value);
                case OBJECT_ID -> objectId(value);
                case LONG -> whole(value);
                case DECIMAL -> decimal(value);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return null;
        }
    }

    private static BsonValue date(BsonValue value) {
        if (value.isDateTime()) {
            return value;
        }
        if (value.isString()) {
            return new BsonDateTime(instant(value.asString().getValue()).toEpochMilli());
        }
        BsonValue millis = whole(value);
        return millis == null ? null : new BsonDateTime(millis.asInt64().getValue());
    }

    private static Instant instant(String text) {
        if (text.length() == 10) { // a date alone is midnight UTC, as in JavaScript's Date
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static BsonValue objectId(BsonValue value) {
        if (value.isObjectId()) {
            return value;
        }
        if (value.isString() && ObjectId.isValid(value.asString().getValue())) {
            return new BsonObjectId(new ObjectId(value.asString().getValue()));
        }
        return null;
    }

    private static BsonValue whole(BsonValue value) {
        if (value.isInt64()) {
            return value;
        }
        if (value.isInt32()) {
            return new BsonInt64(value.asInt32().getValue());
        }
        if (value.isDouble()) {
            return new BsonInt64(new BigDecimal(value.asDouble().getValue()).longValueExact());
        }
        if (value.isString() && WHOLE.matcher(value.asString().getValue()).matches()) {
            return new BsonInt64(Long.parseLong(value.asString().getValue()));
        }
        return null;
    }

    private static BsonValue decimal(BsonValue value) {
        if (value.isDecimal128()) {
            return value;
        }
        if (value.isString()) {
            return new BsonDecimal128(Decimal128.parse(value.asString().getValue()));
        }
        if (value.isInt32() || value.isInt64()) {
            return new BsonDecimal128(new Decimal128(value.asNumber().longValue()));
        }
        if (value.isDouble()) { // as JavaScript prints it: 0.1 stays 0.1
            return new BsonDecimal128(new Decimal128(
                    new BigDecimal(Double.toString(value.asDouble().getValue()))));
        }
        return null;
    }
}
