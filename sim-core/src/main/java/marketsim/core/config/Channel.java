package marketsim.core.config;

/** The routes by which a seller reaches consumers; a purchase records its channel's ordinal. */
public enum Channel {
    /** The firm's own web store. */
    DIRECT,
    /** The hybrid platform's marketplace. */
    PLATFORM,
    /** The traditional store's shelf. */
    STORE;

    /** The channel's code in consumers' byte arrays. */
    public byte code() {
        return (byte) ordinal();
    }
}
