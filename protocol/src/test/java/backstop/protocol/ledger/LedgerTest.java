package backstop.protocol.ledger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LedgerTest {
    @Test
    void postingsMoveValueAndKeepTheTotalAtZero() {
        Ledger l = new Ledger();
        int ext = l.openPot("external", PotKind.EXTERNAL);
        int fund = l.openPot("insurance", PotKind.INSURANCE_FUND);
        l.openAccountPot(0);
        l.post(ext, 0, 100, PostingReason.DEPOSIT);
        l.post(0, fund, 30, PostingReason.LIQUIDATION_PENALTY);
        assertEquals(-100, l.balance(ext));
        assertEquals(70, l.balance(0));
        assertEquals(30, l.balance(fund));
        assertEquals(0, l.total());
    }

    @Test
    void accountCashMayGoNegativeButAnInsuranceFundMayNot() {
        Ledger l = new Ledger();
        int fund = l.openPot("insurance", PotKind.INSURANCE_FUND);
        l.openAccountPot(0);
        l.openAccountPot(1);
        l.post(0, 1, 5, PostingReason.TRADE);
        assertEquals(-5, l.balance(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> l.post(fund, 0, 1, PostingReason.INSURANCE_DRAW));
        assertEquals(0, l.balance(fund), "nothing applied on a refused posting: " + e.getMessage());
    }

    @Test
    void listenersSeeEveryPostingInOrder() {
        Ledger l = new Ledger();
        int ext = l.openPot("external", PotKind.EXTERNAL);
        l.openAccountPot(0);
        StringBuilder seen = new StringBuilder();
        l.addListener((from, to, amount, reason) -> seen.append(from).append('>').append(to).append(':').append(amount).append(' '));
        l.post(ext, 0, 7, PostingReason.DEPOSIT);
        l.post(0, ext, 2, PostingReason.WITHDRAWAL);
        assertEquals("-1>0:7 0>-1:2 ", seen.toString());
    }

    @Test
    void negativeAmountsAndDuplicatePotNamesAreBugs() {
        Ledger l = new Ledger();
        l.openPot("a", PotKind.FEE_TREASURY);
        assertThrows(IllegalArgumentException.class, () -> l.openPot("a", PotKind.FEE_TREASURY));
        l.openAccountPot(0);
        assertThrows(IllegalArgumentException.class, () -> l.post(0, -1, -1, PostingReason.TRADE));
    }
}
