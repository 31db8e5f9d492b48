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
        assertThat(next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 fs1 445/tcp:open:microsoft-ds").findings()).isEmpty();

        next("192.0.2.10 22/tcp:open:ssh");
        Triage gone = next("192.0.2.10 22/tcp:open:ssh");
        assertThat(gone.findings()).extracting(Finding::toString).containsExactly("[medium] host gone: fs1 (192.0.2.11)");

        Triage back = next("192.0.2.10 22/tcp:open:ssh", "192.0.2.11 fs1 445/tcp:open:microsoft-ds");
        assertThat(back.findings()).extracting(Finding::toString).containsExactly(
                "[high] 445/tcp microsoft-ds opened on fs1 (192.0.2.11)", "[medium] host back: fs1 (192.0.2.11)");
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
    void aNameThatGoesMissingForANightIsNoiseAndAChangeThatLastsIsANote() {
        next("192.0.2.10 web1.example.com 80/tcp:open:http");
        Triage missing = next("192.0.2.10 - 80/tcp:open:http");
        assertThat(missing.findings()).isEmpty();
        assertThat(missing.heldBack().counts()).containsEntry(HeldBack.Reason.NAME_CHANGED, 1);
        assertThat(next("192.0.2.10 web1.example.com 80/tcp:open:http").findings()).isEmpty();

        next("192.0.2.10 www.example.com 80/tcp:open:http");
        Triage renamed = next("192.0.2.10 www.example.com 80/tcp:open:http");
        assertThat(renamed.findings()).extracting(Finding::toString)
                .containsExactly("[info] host renamed: 192.0.2.10 web1.example.com -> www.example.com");
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
    void versionsAreLowAndAReplacedServiceIsReportedButAnUnidentifiedOneIsNot() {
        next("192.0.2.10 22/tcp:open:ssh:OpenSSH_9.2");
        assertThat(next("192.0.2.10 22/tcp:open:ssh:OpenSSH_9.6").findings()).extracting(Finding::toString)
                .containsExactly("[low] 22/tcp ssh version changed on 192.0.2.10: OpenSSH 9.2 -> OpenSSH 9.6");
        Triage blind = next("192.0.2.10 22/tcp:open:ssh");
        assertThat(blind.findings()).isEmpty();
        assertThat(blind.heldBack().counts()).containsEntry(HeldBack.Reason.SERVICE_UNIDENTIFIED, 1);
        assertThat(next("192.0.2.10 22/tcp:open:telnet").findings()).extracting(Finding::toString)
                .containsExactly("[high] 22/tcp service replaced on 192.0.2.10: ssh OpenSSH 9.6 -> telnet");
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
