package no.samhandling.discharge.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The handlers the capabilities registered, by channel and event code. */
@ApplicationScoped
class MessageHandlers {

    private final Map<InboundChannel, Map<String, MessageHandler>> byChannel = new EnumMap<>(InboundChannel.class);

    MessageHandlers(Instance<MessageHandler> handlers) {
        for (InboundChannel channel : InboundChannel.values()) {
            byChannel.put(channel, new TreeMap<>());
        }
        for (MessageHandler handler : handlers) {
            for (String code : handler.eventCodes()) {
                MessageHandler earlier = byChannel.get(handler.channel()).putIfAbsent(code, handler);
                if (earlier != null) {
                    throw new IllegalStateException("Two handlers for " + code + " on " + handler.channel() + ": "
                            + earlier.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
    }

    Optional<MessageHandler> find(InboundChannel channel, String eventCode) {
        return Optional.ofNullable(eventCode == null ? null : byChannel.get(channel).get(eventCode));
    }

    Set<String> eventCodes(InboundChannel channel) {
        return new TreeSet<>(byChannel.get(channel).keySet());
    }
}
