package io.github.nmapdiff.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void aCellThatBeginsAFormulaAnywhereASpreadsheetCouldStartACellIsQuotedAndMadeText() {
        assertThat(Csv.cell("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
        // ';' separates cells in many locales: the formula after it is text too, and the cell is quoted
        assertThat(Csv.cell("x;=cmd|' /C calc'!A0")).isEqualTo("\"x;'=cmd|' /C calc'!A0\"");
        assertThat(Csv.cell("a, -1+2")).isEqualTo("\"a, '-1+2\"");
        assertThat(Csv.cell("x\t@SUM(A1)")).isEqualTo("\"x\t'@SUM(A1)\"");
        assertThat(Csv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(Csv.cell("OpenSSH 9.2p1 Debian 2+deb12u3")).isEqualTo("OpenSSH 9.2p1 Debian 2+deb12u3");
        assertThat(Csv.cell(null)).isEmpty();
    }
}
