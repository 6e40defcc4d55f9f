package org.vetted.web.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page ({@code login.html}; its heading comes from the service's layout). A service registers it as a
 * bean; the form posts to Spring Security's form login ({@link SignInChains#pages}).
 */
@Controller
public final class SignInPage {
    private final BooleanSupplier passwordSignIn;

    /** @param passwordSignIn whether users are configured: with bearer tokens only, the page says so instead. */
    public SignInPage(BooleanSupplier passwordSignIn) {
        this.passwordSignIn = passwordSignIn;
    }

    @GetMapping(SignInChains.LOGIN)
    String login(HttpServletRequest request, Model model) {
        // Forwarded here with 429 by the sign-in throttle: the page says how long to wait.
        if (request.getAttribute(SignInThrottle.RETRY_AFTER_ATTRIBUTE) instanceof Long seconds) {
            model.addAttribute("retryAfterMinutes", SignInThrottle.minutes(seconds));
        }
        model.addAttribute("passwordSignIn", passwordSignIn.getAsBoolean());
        return "login";
    }
}
