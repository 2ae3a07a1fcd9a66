package isola.protocol;

/**
 * Whether an {@link EntityCommand.Mail} reached a registration of the script it was for ({@code
 * delivered}), or found none in time: then {@code error} says why.
 */
public record MailReceipt(boolean delivered, String error) implements CborSerializable {}
