/**
 * The portable extension: it only collects (injection points, the application's connection factory
 * beans, listener methods) while the container discovers beans, and acts in
 * {@code AfterDeploymentValidation} through ordinary beans of {@code dev.ferrymq.cdi.inject} and
 * {@code dev.ferrymq.cdi.listener}.
 */
package dev.ferrymq.cdi.extension;
