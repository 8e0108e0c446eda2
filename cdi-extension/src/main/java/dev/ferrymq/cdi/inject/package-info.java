/**
 * Producers of injected {@code ConnectionFactory}, {@code JMSContext}, {@code Queue} and
 * {@code Topic} objects, and the scopes of injected contexts (request scope, else one context per
 * injection point and thread).
 */
package dev.ferrymq.cdi.inject;
