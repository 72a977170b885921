package io.tessera.payments.simulator.alipay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The simulator's wire helpers: form decoding, answer nodes, yuan strings, GMT+8 times. */
final class SimWire {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ObjectMapper JSON = new ObjectMapper();

    private SimWire() {
    }

    static Map<String, String> formDecode(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int i = pair.indexOf('=');
            String k = URLDecoder.decode(i < 0 ? pair : pair.substring(0, i), StandardCharsets.UTF_8);
            String v = i < 0 ? "" : URLDecoder.decode(pair.substring(i + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    static ObjectNode ok() {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", "10000");
        n.put("msg", "Success");
        return n;
    }

    static ObjectNode error(String code, String msg, String subCode, String subMsg) {
        ObjectNode n = JSON.createObjectNode();
        n.put("code", code);
        n.put("msg", msg);
        n.put("sub_code", subCode);
        n.put("sub_msg", subMsg);
        return n;
    }

    static ObjectNode refusal(String subCode, String subMsg, String outTradeNo) {
        ObjectNode n = error("40004", "Business Failed", subCode, subMsg);
        if (outTradeNo != null) {
            n.put("out_trade_no", outTradeNo);
        }
        return n;
    }

    static long fen(String yuan) {
        try {
            return new BigDecimal(yuan).movePointRight(2).longValueExact();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static String time(LocalDateTime t) {
        return t.format(TIME);
    }
}
