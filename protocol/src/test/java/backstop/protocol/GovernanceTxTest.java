package backstop.protocol;

import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.margin.ScaledMargin;
import backstop.protocol.margin.TieredMargin;
import backstop.protocol.money.Amounts;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Governance acts by transactions, logged like any other: an insurance top-up and a parameter change. */
class GovernanceTxTest {
    private static Fixture withScaledMargin() {
        return new Fixture(ProtocolConfig.builder(List.of(Fixture.btc(0).build()))
                .marginModel(new ScaledMargin(new TieredMargin())).build());
    }

    @Test
    void anInsuranceTopUpMovesOutsideMoneyIntoTheFundAndIsLogged() {
        Fixture f = Fixture.of(Fixture.btc(0).build());
        long before = f.p.ledger().balance(f.p.insuranceFundPot(0));
        assertTrue(f.p.submit(new Tx.InsuranceTopUp(0, Amounts.micros(2_500), "governance")).ok());
        assertEquals(before + Amounts.micros(2_500), f.p.ledger().balance(f.p.insuranceFundPot(0)));
        List<ProtocolEvent.InsuranceTopUp> logged = f.log.of(ProtocolEvent.InsuranceTopUp.class);
        assertEquals(List.of(new ProtocolEvent.InsuranceTopUp(logged.get(0).id(), 0, f.p.block(), 0, Amounts.micros(2_500),
                "governance")), logged);
        assertEquals(TxResult.UNKNOWN_MARKET, f.p.submit(new Tx.InsuranceTopUp(9, 1, "governance")).result());
        assertEquals(TxResult.INVALID_AMOUNT, f.p.submit(new Tx.InsuranceTopUp(0, 0, "governance")).result());
        f.assertInvariants();
    }

    @Test
    void aParameterChangeIsClampedToItsBoundsAndLoggedWithWhoMadeIt() {
        Fixture f = withScaledMargin();
        assertEquals(TxResult.UNKNOWN_PARAMETER, f.p.submit(new Tx.SetParameter("no.such", 1, "governance")).result());
        String name = f.p.parameters().all().get(0).name();
        long max = f.p.parameters().get(name).max();
        assertTrue(f.p.submit(new Tx.SetParameter(name, Long.MAX_VALUE, "governance")).ok());
        assertEquals(max, f.p.parameters().get(name).value());
        ProtocolEvent.ParameterChanged changed = f.log.of(ProtocolEvent.ParameterChanged.class).get(0);
        assertEquals(name, changed.parameter());
        assertEquals("governance", changed.by());
    }
}
