package org.vetted.rendering;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RenderingApplication {
    public static void main(String[] args) {
        SpringApplication.run(RenderingApplication.class, args);
    }
}
