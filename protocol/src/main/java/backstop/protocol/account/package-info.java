/**
 * {@link Accounts}: every margin account's owner, cross or isolated mode, tag and signed positions with their cost
 * basis, stored column-wise. Cash is not kept here but in the ledger's account pots under the same ids; this
 * package depends only on {@code money} and the JDK, and never values an account (that is {@code margin}).
 */
package backstop.protocol.account;
