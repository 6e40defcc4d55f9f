package org.vetted.distribution.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each address class a webhook must not reach, in IPv4, IPv6 and IPv6 forms carrying IPv4. */
class AddressPolicyTest {
    final AddressPolicy strict = AddressPolicy.strict();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "::1", // loopback
                "10.0.0.1",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "fc00::1",
                "fd12:3456::1", // private
                "100.64.0.1",
                "198.18.0.1",
                "192.0.2.1",
                "2001:db8::1", // shared, benchmarking, documentation
                "169.254.169.254",
                "fe80::1", // link-local (the cloud metadata address among them)
                "224.0.0.1",
                "239.255.255.250",
                "ff02::1", // multicast
                "0.0.0.0",
                "::",
                "0.1.2.3", // unspecified, this network
                "255.255.255.255",
                "240.0.0.1", // broadcast, reserved
                "fec0::1" // site-local
            })
    void refused(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(strict.refusal(InetAddress.getByName(literal))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "::ffff:127.0.0.1", // mapped
                "::ffff:169.254.169.254",
                "::ffff:10.0.0.1",
                "::127.0.0.1", // compatible
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "2002:7f00:1::1", // 6to4 of 127.0.0.1
                "2002:c0a8:0101::1" // 6to4 of 192.168.1.1
            })
    void ipv6CarryingARefusedIpv4IsRefused(String literal) throws Exception {
        // Java reads "::ffff:a.b.c.d" as the IPv4 address itself; the bytes are also judged as an Inet6Address.
        byte[] bytes = InetAddress.getByName(literal).getAddress();
        assertThat(strict.refusal(InetAddress.getByName(literal))).isPresent();
        if (bytes.length == 16) {
            assertThat(strict.refusal(Inet6Address.getByAddress(null, bytes, -1)))
                    .isPresent();
        }
    }

    @Test
    void aMappedAddressBuiltByteByByteIsJudgedByItsIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("loopback"));
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(strict.refusal(Inet6Address.getByAddress(null, mapped, -1))).isEmpty();
    }

    @Test
    void decimalHostFormsResolveToTheAddressTheyMean() throws Exception {
        // 2130706433 is 127.0.0.1 written as one number: the resolved address is what is judged.
        assertThat(strict.refusal(InetAddress.getByName("2130706433"))).isPresent();
    }

    @Test
    void oneRefusedAddressAmongSeveralRefusesTheHost() throws Exception {
        List<InetAddress> addresses =
                List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.1.2.3"));
        assertThat(strict.refusal(addresses)).isPresent();
        assertThat(strict.refusal(List.of())).isPresent();
    }

    @Test
    void settingsAllowLoopbackOrPrivateButNeverTheRest() throws Exception {
        AddressPolicy local = new AddressPolicy(true, false);
        assertThat(local.refusal(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(local.refusal(InetAddress.getByName("10.0.0.1"))).isPresent();
        AddressPolicy inside = new AddressPolicy(false, true);
        assertThat(inside.refusal(InetAddress.getByName("10.0.0.1"))).isEmpty();
        assertThat(inside.refusal(InetAddress.getByName("fd00::1"))).isEmpty();
        assertThat(inside.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
        AddressPolicy both = new AddressPolicy(true, true);
        assertThat(both.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(both.refusal(InetAddress.getByName("0.0.0.0"))).isPresent();
        assertThat(both.refusal(InetAddress.getByName("224.0.0.1"))).isPresent();
    }
}
