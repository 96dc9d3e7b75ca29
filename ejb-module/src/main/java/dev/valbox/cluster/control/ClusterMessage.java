package dev.valbox.cluster.control;

/**
 * A message another member sent to all members, fired as a CDI event on the member that receives it: {@code topic}
 * says what it is about (for example {@code cancel}), {@code payload} the rest. Members never receive their own.
 */
public record ClusterMessage(String topic, String payload) {

    /** Topic of a cancel for an evaluation running on some member; the payload is its id. */
    public static final String CANCEL = "cancel";

    public boolean is(String topic) {
        return this.topic.equals(topic);
    }
}
