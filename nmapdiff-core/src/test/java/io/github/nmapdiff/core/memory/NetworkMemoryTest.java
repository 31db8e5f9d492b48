package io.github.nmapdiff.core.memory;

import io.github.nmapdiff.core.model.Finding;
import io.github.nmapdiff.core.model.HeldBack;
import io.github.nmapdiff.core.model.Triage;
import static io.github.nmapdiff.core.memory.Nights.night;
import static io.github.nmapdiff.core.memory.Nights.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nmapdiff.core.model.Scan;
import org.junit.jupiter.api.Test;

class NetworkMemoryTest {
    private final NetworkMemory memory = NetworkMemory.inMemory();
    private int nights;

    /** Absorbs the next night, as the nightly job reads it; the first one is a baseline, that reports nothing. */
    private Triage next(Scan scan) {
        nights++;
        return memory.absorbAndCommit("s" + nights, Nights.indexed(scan), scan.start(), Nights.SCOPE, NoisePolicy.defaults());
    }

    private Triage next(String... hosts) {
        if (hosts.length == 0) {
            return next(scan(nights + 1, "192.0.2.99 22/tcp:closed")); // a complete scan that lists none of the hosts
        }
        return next(scan(nights + 1, hosts));
    }

    @Test
    void aBaselineReportsNothingAndAQuietNightNothingEither() {
        assertThat(next("192.0.2.10 db3.example.com 22/tcp:open:ssh:OpenSSH_9.2").findings()).isEmpty();
        Triage quiet = next("192.0.2.10 db3.example.com 22/tcp:open:ssh:OpenSSH_9.2");
        assertThat(quiet.findings()).isEmpty();
        assertThat(quiet.heldBack().total()).isZero();
    }

    @Test
    void aPortThatOpensIsReportedOnItsNightWithItsSeverity() {
        next("192.0.2.10 db3.example.com 22/tcp:open:ssh:OpenSSH_9.2");
        Triage t = next("192.0.2.10 db3.example.com 22/tcp:open:ssh:OpenSSH_9.2 5432/tcp:open:postgresql 8080/tcp:open:http-proxy");

        assertThat(t.findings()).extracting(Finding::toString).containsExactly(
                "[high] 5432/tcp postgresql opened on db3.example.com (192.0.2.10)",
                "[medium] 8080/tcp http-proxy opened on db3.example.com (192.0.2.10)");
        assertThat(t.first().orElseThrow().firstSeen()).isEqualTo(night(2));
        assertThat(memory.firstSeen("192.0.2.10", "5432/tcp")).contains(night(2));
        assertThat(memory.firstSeen("192.0.2.10", "22/tcp")).contains(night(1));
    }

    @Test
    void aClosedPortIsReportedOnlyOnceTwoCompleteScansConfirmIt() {
        next("192.0.2.10 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server");
        Triage first = next("192.0.2.10 22/tcp:open:ssh 3389/tcp:closed");
        assertThat(first.findings()).isEmpty();
        assertThat(first.heldBack().counts()).containsEntry(HeldBack.Reason.PORT_NOT_OPEN, 1);

        Triage second = next("192.0.2.10 22/tcp:open:ssh");
        assertThat(second.findings()).extracting(Finding::toString)
                .containsExactly("[medium] 3389/tcp ms-wbt-server closed on 192.0.2.10");
        assertThat(second.first().orElseThrow().lastSeen()).isEqualTo(night(1));

        assertThat(next("192.0.2.10 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server").findings()).as("it opens again")
                .extracting(Finding::kind).containsExactly(Finding.Kind.NEW_PORT);
    }

    @Test
    void aPortBackBeforeItsClosureWasConfirmedIsNotNew() {
        next("192.0.2.10 22/tcp:open:ssh 443/tcp:open:https");
        next("192.0.2.10 22/tcp:open:ssh");
        Triage back = next("192.0.2.10 22/tcp:open:ssh 443/tcp:open:https");

        assertThat(back.findings()).isEmpty();
        assertThat(back.heldBack().counts()).containsEntry(HeldBack.Reason.RETURNED, 1);
        assertThat(memory.firstSeen("192.0.2.10", "443/tcp")).contains(night(1));
    }

    @Test
    void aHostDownForANightIsNoiseAndGoneForTwoIsReported() {
        next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 fs1 445/tcp:open:microsoft-ds");
        Triage off = next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 fs1"); // -Pn: listed, every port filtered
        assertThat(off.findings()).isEmpty();
        assertThat(off.heldBack().counts()).containsEntry(HeldBack.Reason.HOST_NOT_ANSWERING, 1);
        Triage gone = next("192.0.2.10 22/tcp:open:ssh");
        assertThat(gone.findings()).extracting(Finding::toString).containsExactly("[medium] host gone: fs1 (192.0.2.11)");
        assertThat(gone.findings().get(0).note()).as("it was never away before").isNull();
    }

    /** The laptop: off, an interrupted night, off again: gone; back the next night with 445 open as it always was. */
    @Test
    void aHostBackWithThePortsItHadBeforeItWentIsNoExposure() {
        next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7 445/tcp:open:microsoft-ds 22/tcp:open:ssh");
        next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7");
        next(scan(3, false, "192.0.2.10 22/tcp:open:ssh"));
        assertThat(next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7").findings()).extracting(Finding::toString)
                .containsExactly("[medium] host gone: laptop7 (192.0.2.11)");

        Triage back = next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7 445/tcp:open:microsoft-ds 22/tcp:open:ssh");
        assertThat(back.findings()).extracting(Finding::toString).containsExactly("[medium] host back: laptop7 (192.0.2.11)");
        assertThat(back.findings().get(0).note()).isEqualTo("open as before it went: 22/tcp, 445/tcp");
        assertThat(memory.firstSeen("192.0.2.11", "445/tcp")).contains(night(1));

        // what it did not have before is news; what it had and no longer has is confirmed as any closure is
        assertThat(next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server").findings())
                .extracting(Finding::toString).containsExactly("[high] 3389/tcp ms-wbt-server opened on laptop7 (192.0.2.11)");
        assertThat(next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 laptop7 22/tcp:open:ssh 3389/tcp:open:ms-wbt-server").findings())
                .extracting(Finding::toString).containsExactly("[medium] 445/tcp microsoft-ds closed on laptop7 (192.0.2.11)");
    }

    @Test
    void aHostThatComesAndGoesIsGoneOnlyOnceAwayLongerThanEverBefore() {
        String server = "192.0.2.10 22/tcp:open:ssh";
        String laptop = "192.0.2.11 laptop7 22/tcp:open:ssh";
        next(server, laptop);
        next(server);
        assertThat(next(server).findings()).as("its first absence: the confirmation window").extracting(Finding::toString)
                .containsExactly("[medium] host gone: laptop7 (192.0.2.11)");
        next(server);
        next(server, laptop); // back: away 3 days (nights 2 to 5)
        next(server, laptop);
        for (int away = 1; away <= 4; away++) {
            Triage t = next(server);
            assertThat(t.findings()).as("away %d nights: no longer than before", away).isEmpty();
            assertThat(t.heldBack().counts()).containsKey(away < 2 ? HeldBack.Reason.HOST_NOT_ANSWERING
                    : HeldBack.Reason.HOST_COMES_AND_GOES);
        }
        Triage gone = next(server);
        assertThat(gone.findings()).extracting(Finding::toString).containsExactly("[medium] host gone: laptop7 (192.0.2.11)");
        assertThat(gone.findings().get(0).note()).isEqualTo("gone longer than ever before: its longest absence was 3 days");
        // a server that never missed a night keeps the confirmation window
        next();
        assertThat(next().findings()).extracting(Finding::toString).containsExactly("[medium] host gone: 192.0.2.10");
    }

    @Test
    void aNewHostIsReportedWithItsPorts() {
        next("192.0.2.10 22/tcp:open:ssh");
        Triage t = next("192.0.2.10 22/tcp:open:ssh", "192.0.2.50 printer 9100/tcp:open:jetdirect 23/tcp:open:telnet");

        assertThat(t.findings()).extracting(Finding::toString).containsExactly(
                "[high] 23/tcp telnet opened on printer (192.0.2.50)", "[medium] new host: printer (192.0.2.50)",
                "[medium] 9100/tcp jetdirect opened on printer (192.0.2.50)");
    }

    @Test
    void aDeviceKnownByItsMacThatMovesToAnotherAddressIsMovedAndItsPortsFollowIt() {
        String server = "192.0.2.10@02:00:5e:00:53:10 srv 22/tcp:open:ssh";
        next(server, "192.0.2.50@02:00:5e:00:53:01 laptop-ann 445/tcp:open:microsoft-ds");
        next(server, "192.0.2.50@02:00:5e:00:53:01 laptop-ann 445/tcp:open:microsoft-ds");
        // DHCP gives Ann's laptop .51, and .50 to Bob's phone, a device never seen
        Triage moved = next(server, "192.0.2.51@02:00:5e:00:53:01 laptop-ann 445/tcp:open:microsoft-ds",
                "192.0.2.50@02:00:5e:00:53:02 phone-bob 62078/tcp:open:iphone-sync");
        assertThat(moved.findings()).extracting(Finding::toString).containsExactly("[medium] new host: phone-bob (192.0.2.50)",
                "[medium] 62078/tcp iphone-sync opened on phone-bob (192.0.2.50)");
        assertThat(moved.heldBack().counts()).containsEntry(HeldBack.Reason.HOST_MOVED, 1);
        assertThat(memory.firstSeen("192.0.2.50", "445/tcp")).as("the laptop keeps its key and its history").contains(night(1));

        // a port opened on the laptop is reported under the laptop, at its address tonight
        Triage opened = next(server, "192.0.2.51@02:00:5e:00:53:01 laptop-ann 445/tcp:open:microsoft-ds 3389/tcp:open:ms-wbt-server",
                "192.0.2.50@02:00:5e:00:53:02 phone-bob 62078/tcp:open:iphone-sync");
        assertThat(opened.findings()).extracting(Finding::toString)
                .containsExactly("[high] 3389/tcp ms-wbt-server opened on laptop-ann (192.0.2.51)");
        // and back on its first address, nothing: no gone, no new, no opened
        Triage back = next(server, "192.0.2.50@02:00:5e:00:53:01 laptop-ann 445/tcp:open:microsoft-ds 3389/tcp:open:ms-wbt-server",
                "192.0.2.52@02:00:5e:00:53:02 phone-bob 62078/tcp:open:iphone-sync");
        assertThat(back.findings()).isEmpty();
        assertThat(back.heldBack().counts()).containsEntry(HeldBack.Reason.HOST_MOVED, 2);
    }

    @Test
    void aFailedReverseLookupIsNoRenameAndADifferentNameThatLastsIsALowOne() {
        next("192.0.2.10 web1.example.com 80/tcp:open:http");
        for (int night = 0; night < 3; night++) {
            Triage missing = next("192.0.2.10 - 80/tcp:open:http");
            assertThat(missing.findings()).as("a PTR missing for %d scans", night + 1).isEmpty();
            assertThat(missing.heldBack().counts()).containsEntry(HeldBack.Reason.NAME_NOT_RESOLVED, 1);
        }
        assertThat(next("192.0.2.10 web1.example.com 80/tcp:open:http").findings()).isEmpty();

        Triage once = next("192.0.2.10 www.example.com 80/tcp:open:http");
        assertThat(once.heldBack().counts()).containsEntry(HeldBack.Reason.NAME_CHANGED, 1);
        assertThat(next("192.0.2.10 - 80/tcp:open:http").findings()).isEmpty();
        Triage renamed = next("192.0.2.10 www.example.com 80/tcp:open:http");
        assertThat(renamed.findings()).extracting(Finding::toString)
                .containsExactly("[low] host renamed: 192.0.2.10 web1.example.com -> www.example.com");
        assertThat(memory.hosts()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("www.example.com"));
    }

    @Test
    void aHostWithNoNameThatGainsOneLearnsItQuietly() {
        next("192.0.2.10 - 80/tcp:open:http");
        Triage t = next("192.0.2.10 web1.example.com 80/tcp:open:http");
        assertThat(t.findings()).isEmpty();
        assertThat(t.heldBack().total()).isZero();
        assertThat(memory.hosts()).singleElement().satisfies(h -> assertThat(h.name()).isEqualTo("web1.example.com"));
    }

    @Test
    void udpBetweenOpenAndOpenFilteredIsNoChange() {
        next("192.0.2.10 53/udp:open:domain 22/tcp:open:ssh");
        Triage t = next("192.0.2.10 53/udp:open|filtered:domain 22/tcp:open:ssh");
        assertThat(t.findings()).isEmpty();
        assertThat(t.heldBack().counts()).containsEntry(HeldBack.Reason.UDP_OPEN_FILTERED, 1);
        assertThat(next("192.0.2.10 53/udp:open|filtered:domain 22/tcp:open:ssh").findings()).isEmpty();
        assertThat(next("192.0.2.10 53/udp:open:domain 22/tcp:open:ssh").findings()).isEmpty();
    }

    @Test
    void aUdpPortOpenFilteredAtTheBaselineThatAnswersOpenIsNoExposure() {
        next("192.0.2.10 printer 161/udp:open|filtered:snmp 9100/tcp:open:jetdirect");
        Triage t = next("192.0.2.10 printer 161/udp:open:snmp 9100/tcp:open:jetdirect");
        assertThat(t.findings()).isEmpty();
        assertThat(t.heldBack().counts()).containsEntry(HeldBack.Reason.UDP_OPEN_FILTERED, 1);
        assertThat(next("192.0.2.10 printer 161/udp:open|filtered:snmp 9100/tcp:open:jetdirect").findings()).isEmpty();
        // a UDP port never seen before that answers open is an exposure
        assertThat(next("192.0.2.10 printer 161/udp:open:snmp 9100/tcp:open:jetdirect 69/udp:open:tftp").findings())
                .extracting(Finding::toString).containsExactly("[high] 69/udp tftp opened on printer (192.0.2.10)");
    }

    @Test
    void aMinorVersionChangeIsMediumAndAReplacedServiceIsReportedButAnUnidentifiedOneIsNot() {
        next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1");
        assertThat(next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.6p1").findings()).extracting(Finding::toString)
                .containsExactly("[medium] 22/tcp ssh version changed on 192.0.2.10: OpenSSH 9.2p1 -> OpenSSH 9.6p1");
        Triage blind = next("192.0.2.10 22/tcp:open:ssh");
        assertThat(blind.findings()).isEmpty();
        assertThat(blind.heldBack().counts()).containsEntry(HeldBack.Reason.SERVICE_UNIDENTIFIED, 1);
        assertThat(next("192.0.2.10 22/tcp:open:telnet").findings()).extracting(Finding::toString)
                .containsExactly("[high] 22/tcp service replaced on 192.0.2.10: ssh OpenSSH 9.6p1 -> telnet");
    }

    @Test
    void aPatchLevelUpdateIsLowAndAnotherProductIsNoPatch() {
        next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1_Debian_2+deb12u3", "192.0.2.11 80/tcp:open:http:nginx@1.22.1",
                "192.0.2.12 80/tcp:open:http:nginx@1.22.1");
        assertThat(next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1_Debian_2+deb12u4", "192.0.2.11 80/tcp:open:http:nginx@1.22.2",
                "192.0.2.12 80/tcp:open:http:Apache_httpd@1.22.1").findings()).extracting(Finding::toString).containsExactly(
                "[medium] 80/tcp http version changed on 192.0.2.12: nginx 1.22.1 -> Apache httpd 1.22.1",
                "[low] 22/tcp ssh patch update on 192.0.2.10: OpenSSH 9.2p1 Debian 2+deb12u3 -> OpenSSH 9.2p1 Debian 2+deb12u4",
                "[low] 80/tcp http patch update on 192.0.2.11: nginx 1.22.1 -> nginx 1.22.2");
    }

    @Test
    void serviceDetectionThatFailsInAnyFormIsNoChangeAndABetterOneIsLearnedQuietly() {
        next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1 8443/tcp:open:https-alt~table");
        for (String failed : new String[] {"22/tcp:open:tcpwrapped", "22/tcp:open:unknown", "22/tcp:open:ssh~table",
            "22/tcp:open:ssh", "22/tcp:open:ssh~7:OpenSSH@8.0", "22/tcp:open"}) {
            Triage t = next("192.0.2.10 " + failed + " 8443/tcp:open:https-alt~table");
            assertThat(t.findings()).as(failed).isEmpty();
            assertThat(t.heldBack().counts()).as(failed).containsOnlyKeys(HeldBack.Reason.SERVICE_UNIDENTIFIED);
        }
        Triage identified = next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1 8443/tcp:open:http:Jetty@9.4");
        assertThat(identified.findings()).as("a port never identified before learns its service").isEmpty();
        assertThat(identified.heldBack().total()).isZero();
        assertThat(next("192.0.2.10 22/tcp:open:ssh:OpenSSH@9.2p1 8443/tcp:open:http:Jetty@10.0").findings())
                .extracting(Finding::toString).containsExactly("[medium] 8443/tcp http version changed on 192.0.2.10: Jetty 9.4 -> Jetty 10.0");
    }

    @Test
    void aServiceIdentifiedLaterThatIsMoreExposedThanItsGuessIsReported() {
        next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 8080/tcp:open:http-proxy~table");
        Triage t = next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 8080/tcp:open:mysql:MySQL@8.0.36");
        assertThat(t.findings()).extracting(Finding::toString)
                .containsExactly("[high] 8080/tcp service replaced on 192.0.2.11: http-proxy -> mysql MySQL 8.0.36");
    }

    @Test
    void aBackendThatAlternatesBetweenValuesSeenBeforeIsNoChangeAndANewValueIs() {
        String a = "192.0.2.10 www 443/tcp:open:https:nginx@1.22.1:ssl-cert=Subject:_CN=www_Serial:_AAA";
        String b = "192.0.2.10 www 443/tcp:open:https:nginx@1.24.0:ssl-cert=Subject:_CN=www_Serial:_BBB";
        next(a);
        assertThat(next(b).findings()).extracting(Finding::kind).containsExactlyInAnyOrder(Finding.Kind.VERSION_CHANGED,
                Finding.Kind.SCRIPT_OUTPUT_CHANGED);
        for (String again : new String[] {a, b, a, b}) {
            Triage t = next(again);
            assertThat(t.findings()).isEmpty();
            assertThat(t.heldBack().counts()).containsOnlyKeys(HeldBack.Reason.SEEN_BEFORE);
        }
        assertThat(next("192.0.2.10 www 443/tcp:open:https:nginx@1.24.0:ssl-cert=Subject:_CN=www_Serial:_CCC").findings())
                .extracting(Finding::toString).containsExactly("[low] 443/tcp ssl-cert output changed on www (192.0.2.10)");
    }

    @Test
    void scriptOutputThatOnlyTellsTheTimeIsNoise() {
        next("192.0.2.10 443/tcp:open:https:nginx:ssl-date=2026-11-01T02:00:01+00:00", "192.0.2.11 25/tcp:open:smtp:Postfix:banner=220_mx_ESMTP_Mon,_2_Nov_2026_02:00:01",
                "192.0.2.12 80/tcp:open:http:nginx:http-title=Welcome");
        Triage t = next("192.0.2.10 443/tcp:open:https:nginx:ssl-date=2026-11-02T02:00:07+00:00",
                "192.0.2.11 25/tcp:open:smtp:Postfix:banner=220_mx_ESMTP_Tue,_3_Nov_2026_02:00:09",
                "192.0.2.12 80/tcp:open:http:nginx:http-title=Index_of_/backup");

        assertThat(t.findings()).extracting(Finding::toString).containsExactly("[low] 80/tcp http-title output changed on 192.0.2.12");
        assertThat(t.heldBack().counts()).containsEntry(HeldBack.Reason.VOLATILE_SCRIPT, 2);
    }

    @Test
    void anIncompleteScanReportsWhatItSawOpenAndConfirmsNoRemoval() {
        next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 22/tcp:open:ssh 80/tcp:open:http");
        Triage cut = next(scan(2, false, "192.0.2.10 22/tcp:open:ssh 3306/tcp:open:mysql"));
        assertThat(cut.findings()).extracting(Finding::toString).containsExactly("[high] 3306/tcp mysql opened on 192.0.2.10");
        assertThat(cut.heldBack().total()).isZero();

        Triage cutAgain = next(scan(3, false, "192.0.2.10 22/tcp:open:ssh 3306/tcp:open:mysql", "192.0.2.11 22/tcp:open:ssh"));
        assertThat(cutAgain.findings()).isEmpty();
        assertThat(next("192.0.2.10 22/tcp:open:ssh 3306/tcp:open:mysql", "192.0.2.11 22/tcp:open:ssh").findings())
                .as("only the first complete scan without 80").isEmpty();
    }

    @Test
    void theMemoryOfTheFirstVersionIsReadWithEverythingItKnew() {
        String old = String.join("\n", "nmapdiff-memory\t1", "scope\t192.0.2.0/24\t-Pn\u001f-sV",
                "through\ts2\t2026-11-02T02:00:00Z",
                "night\ts1\t2026-11-01T02:00:00Z\t1\t1\t\t", "night\ts2\t2026-11-02T02:00:00Z\t1\t0\tmedium=1\tport-not-open=1",
                "host\t192.0.2.10\tdb\\tweird\t2026-10-01T02:00:00Z\t2026-11-02T02:00:00Z\t1\t0\t1\t\\N\t1\t\\N",
                "hnoise\tname-changed\t1", "event\t2026-10-01T02:00:00Z\tport-opened\t22/tcp\tssh\t\\N\tOpenSSH 9.2",
                "port\t22/tcp\t2026-10-01T02:00:00Z\t2026-11-02T02:00:00Z\t1\t0\tssh\tOpenSSH 9.2\t\\N", "");

        LegacyMemory.Contents read = LegacyMemory.read(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(read.head().through()).isEqualTo("s2");
        assertThat(read.head().scope().targets()).containsExactly("192.0.2.0/24");
        assertThat(read.head().scope().arguments()).containsExactly("-Pn", "-sV");
        assertThat(read.nights()).extracting(n -> n.heldBack().total()).containsExactly(0, 1);
        assertThat(read.hosts()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("db\tweird");
            assertThat(h.firstSeen()).isEqualTo(java.time.Instant.parse("2026-10-01T02:00:00Z"));
            assertThat(h.attributes()).containsEntry("pending-name", "").containsEntry("name-misses", "1");
            assertThat(h.ports()).singleElement().satisfies(p -> assertThat(p.version()).isEqualTo("OpenSSH 9.2"));
        });
        assertThat(read.events()).singleElement().satisfies(e -> assertThat(e.event().kind()).isEqualTo(Finding.Kind.NEW_PORT));
        assertThatThrownBy(() -> LegacyMemory.read("garbage\n".getBytes())).hasMessageStartingWith("line 1:");
    }
}
