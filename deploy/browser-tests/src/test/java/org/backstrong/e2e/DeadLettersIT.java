package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.stack.LocalStack;

/**
 * Last of the tier (junit-platform.properties): a parked record is an alarm, so after every other
 * test the dead-letter topics hold exactly the poison the tests sent on purpose, and nothing else.
 */
@BrowserTest
@Order(Integer.MAX_VALUE)
class DeadLettersIT {

    @Test
    void nothingButThePoisonSentOnPurposeWasParked(LocalStack stack) {
        List<ConsumerRecord<String, String>> parked = DeadLetterWatch.parked(stack);

        List<String> unexpected = parked.stream()
                .filter(record -> !DeadLetterWatch.poisonSent().contains(DeadLetterWatch.header(record, "ce_id")))
                .map(DeadLetterWatch::describe)
                .toList();
        assertEquals(List.of(), unexpected, "records parked that no test sent to be parked");
        Set<String> parkedIds = parked.stream()
                .map(record -> DeadLetterWatch.header(record, "ce_id"))
                .collect(Collectors.toSet());
        assertEquals(DeadLetterWatch.poisonSent(), parkedIds, "every poison record sent is parked, once");
        assertEquals(parkedIds.size(), parked.size(), "no poison record is parked twice");
    }
}
