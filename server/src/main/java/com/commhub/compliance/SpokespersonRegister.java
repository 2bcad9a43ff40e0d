package com.commhub.compliance;

/**
 * Hook for the register of authorised spokespersons (filled by the external-communication work). Policies with the
 * spokesperson exception do not apply to a sender this register authorises for the channel. Without an
 * implementation nobody is authorised.
 */
public interface SpokespersonRegister {

	boolean isAuthorised(Long senderEmployeeId, Channel channel);
}
