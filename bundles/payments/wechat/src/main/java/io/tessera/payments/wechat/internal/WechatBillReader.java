package io.tessera.payments.wechat.internal;

import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.api.channel.BillReader;
import io.tessera.payments.api.channel.PaymentChannel;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Component;

/** A WeChat Pay trade bill (CSV, UTF-8) as HQ downloaded it from the merchant platform, read by the parser of downloaded bills. */
@Component(service = BillReader.class, property = PaymentChannel.METHOD + "=WECHAT")
public class WechatBillReader implements BillReader {

    @Override
    public Bill read(byte[] file, LocalDate day, String merchantId) {
        Bill bill = new Bill();
        bill.day = day;
        bill.merchantId = merchantId;
        bill.sha256 = WechatCrypto.sha256Hex(file);
        try {
            bill.rows = WechatBillParser.parse(file);
        } catch (WechatBillParser.BadBill e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        return bill;
    }
}
