package io.tessera.payments.alipay.internal;

import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.BillReader;
import io.tessera.payments.api.channel.PaymentChannel;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Component;

/** An Alipay trade bill (the ZIP with the GBK 业务明细 CSV) as HQ downloaded it, read by the parser of downloaded bills. */
@Component(service = BillReader.class, property = PaymentChannel.METHOD + "=ALIPAY")
public class AlipayBillReader implements BillReader {

    @Override
    public Bill read(byte[] file, LocalDate day, String merchantId) {
        return AlipayBillParser.parse(file, day, merchantId);
    }
}
