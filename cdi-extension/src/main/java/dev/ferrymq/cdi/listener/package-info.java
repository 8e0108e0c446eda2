/**
 * Listener methods: the model of a {@link dev.ferrymq.cdi.JmsListener} method (validated at
 * deployment), the conversion of message bodies to parameters and of results to replies, and the
 * container that runs a listener's consumers, each on its own thread and session of one connection.
 */
package dev.ferrymq.cdi.listener;
