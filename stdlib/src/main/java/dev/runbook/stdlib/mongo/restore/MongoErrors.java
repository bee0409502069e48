package dev.runbook.stdlib.mongo.restore;

import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** A driver error as an operator reads it: a lost connection says so (the driver says "Exception sending message"). */
final class MongoErrors {
    private MongoErrors() {}

    static String describe(MongoException e) {
        if (e instanceof MongoSocketException || e instanceof MongoTimeoutException) {
            return "lost the connection to the MongoDB server (" + e.getMessage() + ")";
        }
        return e.getMessage();
    }
}
