/**
 * The payment channels' SPI (WeChat Pay, Alipay): one bundle and feature per channel registers a
 * {@link io.tessera.payments.api.channel.PaymentChannel}; checkout finds it by method.
 */
@Version("1.2.0")
package io.tessera.payments.api.channel;

import org.osgi.annotation.versioning.Version;
