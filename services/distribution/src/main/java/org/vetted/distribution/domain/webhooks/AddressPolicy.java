package org.vetted.distribution.domain.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses a webhook may be sent to: public unicast only, so a subscription cannot make distribution call
 * into its own network (SSRF). Refused: loopback, private (RFC 1918, fc00::/7, and the shared, benchmarking,
 * reserved and documentation ranges no public receiver has), link-local (169.254/16, fe80::/10), multicast,
 * unspecified and broadcast; an IPv6 address carrying an IPv4 one (mapped {@code ::ffff:a.b.c.d}, compatible
 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by the IPv4 address it carries.
 * Loopback and private ranges can be allowed by settings (the local stack allows loopback).
 */
public record AddressPolicy(boolean allowLoopback, boolean allowPrivate) {
    public static AddressPolicy strict() {
        return new AddressPolicy(false, false);
    }

    /** Why an address is refused, or empty when a webhook may go there. */
    public Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> carried = carriedIpv4(v6.getAddress());
            if (carried.isPresent()) {
                return refusal(carried.get()).map(reason -> reason + " (carried in " + v6.getHostAddress() + ")");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(address.getHostAddress() + " is the unspecified address");
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of(address.getHostAddress() + " is a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(address.getHostAddress() + " is a link-local address");
        }
        if (address.isMulticastAddress()) {
            return Optional.of(address.getHostAddress() + " is a multicast address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            if (a == 0) {
                return Optional.of(address.getHostAddress() + " is in 0.0.0.0/8 (this network)");
            }
            if (a >= 240) {
                return Optional.of(address.getHostAddress() + " is reserved or the broadcast address");
            }
            boolean privateRange = a == 10
                    || (a == 172 && b >= 16 && b <= 31)
                    || (a == 192 && b == 168)
                    || (a == 100 && b >= 64 && b <= 127) // shared address space, RFC 6598
                    || (a == 198 && (b == 18 || b == 19)) // benchmarking, RFC 2544
                    || (a == 192 && b == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || (a == 192 && b == 0 && (bytes[2] & 0xff) == 2) // documentation
                    || (a == 198 && b == 51 && (bytes[2] & 0xff) == 100)
                    || (a == 203 && b == 0 && (bytes[2] & 0xff) == 113);
            return privateRange && !allowPrivate
                    ? Optional.of(address.getHostAddress() + " is a private address")
                    : Optional.empty();
        }
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return allowPrivate
                    ? Optional.empty()
                    : Optional.of(address.getHostAddress() + " is a unique local (private) address");
        }
        if ((first & 0xff) == 0xfe && (bytes[1] & 0xc0) == 0xc0) {
            return Optional.of(address.getHostAddress() + " is a site-local address");
        }
        if (first == 0x20 && (bytes[1] & 0xff) == 0x01 && (bytes[2] & 0xff) == 0x0d && (bytes[3] & 0xff) == 0xb8) {
            return Optional.of(address.getHostAddress() + " is a documentation address");
        }
        return Optional.empty();
    }

    /** The first refusal among the addresses a host resolved to: one bad address refuses the host. */
    public Optional<String> refusal(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("the host has no address");
        }
        return addresses.stream().map(this::refusal).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Inet4Address> carriedIpv4(byte[] v6) {
        boolean zeros80 = allZero(v6, 0, 10);
        boolean mapped = zeros80 && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && v6[10] == 0 && v6[11] == 0 && !allZero(v6, 12, 16) && !isOne(v6);
        boolean nat64 = (v6[0] & 0xff) == 0x00
                && (v6[1] & 0xff) == 0x64
                && (v6[2] & 0xff) == 0xff
                && (v6[3] & 0xff) == 0x9b
                && allZero(v6, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(ipv4(v6[12], v6[13], v6[14], v6[15]));
        }
        if ((v6[0] & 0xff) == 0x20 && (v6[1] & 0xff) == 0x02) {
            return Optional.of(ipv4(v6[2], v6[3], v6[4], v6[5]));
        }
        return Optional.empty();
    }

    private static boolean isOne(byte[] v6) {
        return allZero(v6, 0, 15) && v6[15] == 1;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address ipv4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
