package io.github.nmapdiff.compat;

import io.github.nmapdiff.core.model.Scan;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.ScanProgress;
import io.github.nmapdiff.core.spi.ScanRequest;
import io.github.nmapdiff.core.spi.ScanResult;
import io.github.nmapdiff.core.spi.ScanRun;
import io.github.nmapdiff.core.xml.NmapXmlReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An engine as a third party writes it against the 0.1.0 API: night 1 has port 22 open, later nights 22 and 5432. */
public final class CompatEngine implements ScanEngine {
    private int night;

    @Override
    public String id() {
        return "compat";
    }

    @Override
    public List<String> scope() {
        return List.of("--compat");
    }

    @Override
    public synchronized ScanRun start(ScanRequest request) {
        night++;
        request.listener().progress(ScanProgress.builder().task("Compat scan").percent(100).hosts(1, 1).build());
        String ports = port(22) + (night > 1 ? port(5432) : "");
        String start = String.valueOf(1793498400L + night * 86400L);
        byte[] xml = ("<?xml version=\"1.0\"?>\n<nmaprun scanner=\"nmap\" args=\"nmap compat\" start=\"" + start
                + "\" version=\"7.93\" xmloutputversion=\"1.05\">\n<host><status state=\"up\" reason=\"user-set\"/>\n"
                + "<address addr=\"192.0.2.10\" addrtype=\"ipv4\"/>\n<ports>" + ports + "</ports>\n</host>\n"
                + "<runstats><finished time=\"" + start + "\" elapsed=\"1\" exit=\"success\"/>"
                + "<hosts up=\"1\" down=\"0\" total=\"1\"/></runstats>\n</nmaprun>\n").getBytes(StandardCharsets.UTF_8);
        Scan scan = new NmapXmlReader().read(new ByteArrayInputStream(xml), "compat.xml");
        ScanResult result = ScanResult.builder(scan, xml).commandLine(List.of("compat")).outcome(ScanResult.Outcome.COMPLETED)
                .warnings(List.of()).build();
        return new ScanRun() {
            @Override
            public ScanResult await() {
                return result;
            }

            @Override
            public void cancel() {
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    private static String port(int number) {
        return "<port protocol=\"tcp\" portid=\"" + number + "\"><state state=\"open\" reason=\"syn-ack\" reason_ttl=\"64\"/></port>";
    }
}
