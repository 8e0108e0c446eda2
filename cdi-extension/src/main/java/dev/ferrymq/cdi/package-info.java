/**
 * FerryMQ's portable CDI 4 extension: injected {@code JMSContext}, connection factories and
 * destinations, and listener methods. Not built yet: this module only reserves its place in the
 * build; see the project's issues.
 */
package dev.ferrymq.cdi;
