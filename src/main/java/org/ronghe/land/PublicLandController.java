package org.ronghe.land;

import org.ronghe.tenancy.CurrentCounty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /public/land} (no login): open supply listings — where, how much, what kind, for how long, from what rent. */
@Controller
class PublicLandController {

    private final Listings listings;
    private final CurrentCounty county;

    PublicLandController(Listings listings, CurrentCounty county) {
        this.listings = listings;
        this.county = county;
    }

    @GetMapping("/public/land")
    String supply(Model model) {
        model.addAttribute("supply", listings.openSupply(county.code()));
        return "land/public-supply";
    }
}
